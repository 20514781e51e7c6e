package com.example.crm;

/** Workflow 3, step 7: Lead is no entity any more, so its table clients is left over in the migrations. */
public class Lead {
}
