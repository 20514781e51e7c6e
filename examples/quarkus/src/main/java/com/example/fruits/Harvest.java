package com.example.fruits;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A Panache entity with a key of its own (an identity column), a many-to-one and an enum stored by name. */
@Entity
@Table(name = "harvests")
public class Harvest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Fruit fruit;

    @Column(nullable = false)
    public LocalDate day;

    @Column(precision = 10, scale = 2)
    public BigDecimal kilograms;

    @Enumerated(EnumType.STRING)
    public Quality quality;

    public static List<Harvest> of(Fruit fruit) {
        return list("fruit", fruit);
    }
}
