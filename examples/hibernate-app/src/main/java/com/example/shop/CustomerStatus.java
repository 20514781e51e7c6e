package com.example.shop;

/** Stored by name ({@code EnumType.STRING}); the migration adds a check constraint listing the names. */
public enum CustomerStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
