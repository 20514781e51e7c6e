package com.example.fruits;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A Panache entity: public fields, the key ({@code id}, from the sequence {@code Fruit_SEQ}) from PanacheEntity. */
@Entity
public class Fruit extends PanacheEntity {

    @Column(length = 40, unique = true, nullable = false)
    public String name;

    public String color;

    public static Fruit findByName(String name) {
        return find("name", name).firstResult();
    }
}
