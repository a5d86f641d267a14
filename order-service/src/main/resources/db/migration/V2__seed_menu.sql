-- The menu the restaurant opens with. created_at values are distinct and increasing so
-- that the menu lists in this order (oldest first).

insert into menu_items (id, name, category, price, prep_seconds, available, created_at, version) values
    ('bruschetta', 'Bruschetta', 'STARTER', 6.50, 360, true, timestamp with time zone '2026-01-01 10:00:01+00:00', 0),
    ('soup-of-the-day', 'Soup of the Day', 'STARTER', 5.90, 240, true, timestamp with time zone '2026-01-01 10:00:02+00:00', 0),
    ('calamari', 'Fried Calamari', 'STARTER', 8.90, 480, true, timestamp with time zone '2026-01-01 10:00:03+00:00', 0),
    ('margherita', 'Pizza Margherita', 'MAIN', 9.50, 600, true, timestamp with time zone '2026-01-01 10:00:04+00:00', 0),
    ('carbonara', 'Spaghetti Carbonara', 'MAIN', 12.50, 540, true, timestamp with time zone '2026-01-01 10:00:05+00:00', 0),
    ('risotto', 'Mushroom Risotto', 'MAIN', 13.90, 900, true, timestamp with time zone '2026-01-01 10:00:06+00:00', 0),
    ('ribeye', 'Ribeye Steak', 'MAIN', 24.90, 840, true, timestamp with time zone '2026-01-01 10:00:07+00:00', 0),
    ('tiramisu', 'Tiramisu', 'DESSERT', 6.50, 120, true, timestamp with time zone '2026-01-01 10:00:08+00:00', 0),
    ('panna-cotta', 'Panna Cotta', 'DESSERT', 5.90, 90, true, timestamp with time zone '2026-01-01 10:00:09+00:00', 0),
    ('gelato', 'Gelato, three scoops', 'DESSERT', 4.90, 60, true, timestamp with time zone '2026-01-01 10:00:10+00:00', 0),
    ('espresso', 'Espresso', 'DRINK', 2.40, 45, true, timestamp with time zone '2026-01-01 10:00:11+00:00', 0),
    ('lemonade', 'Homemade Lemonade', 'DRINK', 3.90, 60, true, timestamp with time zone '2026-01-01 10:00:12+00:00', 0),
    ('house-red', 'House Red, glass', 'DRINK', 5.50, 30, true, timestamp with time zone '2026-01-01 10:00:13+00:00', 0),
    ('sparkling-water', 'Sparkling Water', 'DRINK', 2.90, 30, true, timestamp with time zone '2026-01-01 10:00:14+00:00', 0);
