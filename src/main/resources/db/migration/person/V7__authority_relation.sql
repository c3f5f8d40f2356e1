-- Who the authorised account holder is to the person (ADR 0008): a family member (家属) or another agent (委托代理人).
-- Online applications made under the authority take the channel ONLINE_FAMILY or ONLINE_AGENT from it. Authorities
-- recorded before this column existed were recorded as agents.
alter table person_consent add column agent_relation varchar(10) check (agent_relation in ('FAMILY', 'AGENT'));
update person_consent set agent_relation = 'AGENT' where agent_user_id is not null;
alter table person_consent add constraint person_consent_agent_relation
    check ((agent_user_id is null) = (agent_relation is null));
