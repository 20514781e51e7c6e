package com.example.crm;

import io.github.entitymigrations.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Workflow 3: the table clients is now customers (old database name), fullName is displayName (old Java name). */
@Entity
@Table(name = "customers")
@RenamedFrom("clients")
public class Client {

    @Id
    private Long id;

    @RenamedFrom("fullName")
    @Column(nullable = false, length = 120)
    private String displayName;

    @Column(length = 320)
    private String email;
}
