package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders")
public class PurchaseOrder {

    @Id
    private Long id;

    @Column(nullable = false, length = 20)
    private String reference;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    private Customer customer;
}
