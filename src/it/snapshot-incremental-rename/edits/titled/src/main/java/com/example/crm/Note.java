package com.example.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An unrelated edit: only this source is recompiled, Client is read from its class file. */
@Entity
public class Note {

    @Id
    private Long id;

    private String body;

    private String title;
}
