package com.example.crm;

import io.github.entitymigrations.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Workflow 3, step 7: customers renamed onto clients, the table of the entity just deleted. Is it a rename (the old
 * clients goes) or a hint left over (customers goes)? generate refuses to guess.
 */
@Entity
@Table(name = "clients")
@RenamedFrom("customers")
public class Client {

    @Id
    private Long id;

    @Column(nullable = false, length = 120)
    private String displayName;

    @Column(length = 320)
    private String email;
}
