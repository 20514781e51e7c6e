package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "customers", indexes = @Index(name = "idx_customers_city", columnList = "city"))
public class Customer {

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 320)
    private String email;

    private String city;
}
