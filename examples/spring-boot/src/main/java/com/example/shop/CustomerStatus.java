package com.example.shop;

/** Where a customer's account stands. */
public enum CustomerStatus {
    ACTIVE, SUSPENDED, CLOSED
}
