package com.example.inc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class A {

    @Id
    private Long id;

    private String title;

    private String headline;

    @ManyToOne
    private B b;
}
