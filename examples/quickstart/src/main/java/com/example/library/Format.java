package com.example.library;

public enum Format {
    HARDCOVER, PAPERBACK, EBOOK
}
