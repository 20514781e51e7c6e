package com.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Author {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(unique = true)
    private String email;

    /** The inverse side: the foreign key lives on Book. */
    @OneToMany(mappedBy = "author")
    private List<Book> books = new ArrayList<>();
}
