package com.example.inc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class A {

    @Id
    private Long id;

    private String title;

    @ManyToOne
    private B b;
}
