package com.example.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Note {

    @Id
    private Long id;

    private String body;
}
