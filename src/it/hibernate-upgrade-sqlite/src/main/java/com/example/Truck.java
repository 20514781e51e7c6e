package com.example;

import jakarta.persistence.Entity;

@Entity
public class Truck extends Vehicle {

    private String load;
}
