package com.example.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The one entity: its table is what the migration creates. */
@Entity
public class Note {

    @Id
    private Long id;

    @Column(nullable = false, length = 200)
    private String text;
}
