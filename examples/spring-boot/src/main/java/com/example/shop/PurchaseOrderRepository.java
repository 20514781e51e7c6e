package com.example.shop;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    @Query("select distinct o from PurchaseOrder o join fetch o.lines where o.customer.email = :email")
    List<PurchaseOrder> findWithLinesByCustomerEmail(String email);
}
