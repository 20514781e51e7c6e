package com.example.inc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class C {

    @Id
    private Long id;

    private int rank;

    @ManyToOne
    private B b;
}
