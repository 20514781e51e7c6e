package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders")
public class PurchaseOrder {

    @Id
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(length = 16)
    private String status;
}
