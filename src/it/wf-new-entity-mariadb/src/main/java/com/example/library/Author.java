package com.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "authors")
public class Author {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;
}
