package com.example.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Workflow 3, step 6: a new entity takes the table name clients, which the renamed table gave up; its key is
 * pk_clients, the name the renamed table still has.
 */
@Entity
@Table(name = "clients")
public class Lead {

    @Id
    private Long id;

    @Column(length = 120)
    private String name;
}
