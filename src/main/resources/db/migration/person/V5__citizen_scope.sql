-- CITIZEN scope (ADR 0008). A citizen account (identity's user_account id; no foreign key across modules) reaches the
-- person it is, if it is a registered resident, and every person whose AGENT consent authorising that account is in
-- force on the day. The authority is the consent itself: its proof document, period and withdrawal.
create table person_account (
    user_id   uuid        primary key,
    person_id uuid        not null unique references person (id),
    linked_by uuid        not null,
    linked_at timestamptz not null
);

alter table person_consent add column agent_user_id uuid;
alter table person_consent add constraint person_consent_agent_account
    check (agent_user_id is null or scope = 'AGENT');
create index person_consent_agent_user on person_consent (agent_user_id) where agent_user_id is not null;

-- Published for other modules' SQL: the persons a citizen account may see on a day. Every citizen-facing query joins
-- it (`person_id in (select citizen_scope(:user, :day))`), so a person outside it is simply not found.
create function citizen_scope(p_user uuid, p_day date) returns setof uuid
    language sql stable as
$$
    select a.person_id from person_account a where a.user_id = p_user
    union
    select c.person_id from person_consent c
     where c.agent_user_id = p_user and c.scope = 'AGENT' and c.withdrawn_at is null
       and c.valid_from <= p_day and (c.valid_to is null or c.valid_to >= p_day)
$$;
