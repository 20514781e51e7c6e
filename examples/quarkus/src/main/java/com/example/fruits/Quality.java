package com.example.fruits;

public enum Quality {
    PREMIUM, STANDARD, JUICE
}
