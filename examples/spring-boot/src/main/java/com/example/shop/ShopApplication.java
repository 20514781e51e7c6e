package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop: Spring Data JPA over SQLite (or PostgreSQL), with {@code ddl-auto=validate}. Entity Migrations'
 * auto-configuration applies {@code classpath:db/migrations} at start-up, before Hibernate validates.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
