package com.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

@Entity
public class BlogPost {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Instant createdAt;

    private String titleText;

    @ManyToOne
    private BlogAuthor mainAuthor;
}
