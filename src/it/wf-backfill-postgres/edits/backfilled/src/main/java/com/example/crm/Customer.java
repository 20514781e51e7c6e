package com.example.crm;

import io.github.entitymigrations.annotations.Backfill;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customers")
public class Customer {

    @Id
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    // Now required: rows without one get their name in lower case.
    @Column(nullable = false, length = 100)
    @Backfill("lower(name)")
    private String nickname;

    // New and required: every existing customer is 'ACTIVE'.
    @Column(nullable = false, length = 20)
    @Backfill("'ACTIVE'")
    private String status;
}
