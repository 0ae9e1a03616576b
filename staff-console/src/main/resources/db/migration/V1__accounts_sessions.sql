-- Staff accounts of the console's own sign-in. Roles are 'staff' and 'admin'.
create table staff_account (
    username      varchar(100) primary key,
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    roles         text[]       not null,
    team          varchar(100) not null,
    created_at    timestamptz  not null,
    created_by    varchar(100)
);

-- Server-side sessions: the cookie holds a random id; only its SHA-256 is stored, so a database read leaks none.
create table staff_session (
    id_hash      varchar(64)  primary key,
    username     varchar(100) not null references staff_account (username) on delete cascade,
    csrf_token   varchar(64)  not null,
    created_at   timestamptz  not null,
    last_seen_at timestamptz  not null
);
create index staff_session_username on staff_session (username);

-- Every sign-in attempt, for lockout and rate limits.
create table sign_in_attempt (
    id         bigserial    primary key,
    username   varchar(100) not null,
    address    varchar(100) not null,
    at         timestamptz  not null,
    succeeded  boolean      not null
);
create index sign_in_attempt_username_at on sign_in_attempt (username, at);
create index sign_in_attempt_address_at on sign_in_attempt (address, at);
