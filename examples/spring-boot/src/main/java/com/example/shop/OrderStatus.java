package com.example.shop;

/** Where an order is in its life. */
public enum OrderStatus {
    PLACED, PAID, SHIPPED, CANCELLED
}
