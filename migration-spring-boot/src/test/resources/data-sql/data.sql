insert into customer (name, email, version) values ('Seeded', 'seeded@example.com', 0);
