-- migrate:up
CREATE TABLE labels (
    id INT PRIMARY KEY,
    name TEXT NOT NULL
);

-- migrate:down
DROP TABLE labels;
