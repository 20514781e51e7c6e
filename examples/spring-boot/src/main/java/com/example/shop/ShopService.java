package com.example.shop;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's use cases, each one transaction: reads, then inserts with generated ids, all in the same
 * connection (on SQLite, a second connection wanting to write inside the transaction would wait for it).
 */
@Service
public class ShopService {

    private final CustomerRepository customers;
    private final PurchaseOrderRepository orders;

    public ShopService(CustomerRepository customers, PurchaseOrderRepository orders) {
        this.customers = customers;
        this.orders = orders;
    }

    @Transactional
    public Customer register(String fullName, String email, Address address) {
        return customers.findByEmail(email).orElseGet(() -> customers.save(new Customer(fullName, email, address)));
    }

    /** Places an order of two lines for an existing customer (read first, then write, in one transaction). */
    @Transactional
    public PurchaseOrder placeOrder(String email, String orderNumber) {
        Customer customer = customers.findByEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("no customer " + email));
        PurchaseOrder order = new PurchaseOrder(orderNumber, customer);
        order.addLine("Analytical Engine manual", 1, new BigDecimal("42.50"));
        order.addLine("Punched cards (box)", 2, new BigDecimal("5.05"));
        return orders.save(order);
    }
}
