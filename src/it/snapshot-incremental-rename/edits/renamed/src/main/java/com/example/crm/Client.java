package com.example.crm;

import io.github.entitymigrations.annotations.RenamedFrom;
import io.github.entitymigrations.annotations.ServerDefault;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Renamed: the table clients is now customers, fullName is displayName; a new column with a server default. */
@Entity
@Table(name = "customers")
@RenamedFrom("clients")
public class Client {

    @Id
    private Long id;

    @RenamedFrom("fullName")
    @Column(nullable = false, length = 120)
    private String displayName;

    @ServerDefault("'active'")
    @Column(length = 20)
    private String status;
}
