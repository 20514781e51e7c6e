package com.example.bad;

import jakarta.persistence.Entity;

// The error must point at the class declaration below (line 7).
@Entity
public class Broken {

    private Long id;

    private String name;
}
