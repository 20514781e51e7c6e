package com.example.inc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class B {

    @Id
    private Long id;

    private String name;
}
