package com.example.shop;

public enum OrderStatus {
    NEW, PAID, SHIPPED
}
