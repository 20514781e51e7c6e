package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Online: an index on name (built concurrently), email NOT NULL (through a validated check). */
@Entity
@Table(name = "customers", indexes = @Index(name = "ix_customers_name", columnList = "name"))
public class Customer {

    @Id
    private Long id;

    @Column(nullable = false, length = 320)
    private String email;

    private String name;
}
