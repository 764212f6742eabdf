-- After a voice load run (VoiceCallsSimulation) against nodes sharing one PostgreSQL database: was anything
-- lost or done twice? Run with psql (scripts/load-check wraps it):
--
--   psql "$DATABASE" -v run=<run> -f src/load/sql/two-node-check.sql
--
-- run: the run's nonce, the 8 hex digits after "CA" in its CallSids (printed by scripts/load-check when
-- omitted; '' checks every run in the database). Every "problem" row must say 0; the "figure" rows are the
-- run's totals, to compare with the simulation's "whole run" line (answered voice + gather = stored answers,
-- answered status = completed call records).
--
-- What counts as acknowledged: an answer the service stored for a Twilio request (twilio_webhook_reply,
-- committed before the answer went out, since Fix 5). A booking is acknowledged when a stored answer says
-- it is booked (the reply "booked"/"bookedNoReminder" of assistant/lang/*/replies.properties, in the two
-- languages the simulation's callers speak).

\set ON_ERROR_STOP on
\pset footer off
\set QUIET on

create temporary table run_answer as
select split_part(request_key, ':', 2) as call_sid,
       split_part(request_key, ':', 3)::int as turn,
       twiml
from twilio_webhook_reply
where request_key like 'voice:CA' || :'run' || '%';

create temporary table run_call as
select * from call_record where call_sid like 'CA' || :'run' || '%';

create temporary table run_conversation as
select * from conversation where channel = 'VOICE' and conversation_key like 'CA' || :'run' || '%';

-- the conversation of each call with its transcript's counts
create temporary table run_transcript as
select c.conversation_key as call_sid,
       c.business_id,
       count(t.id) filter (where t.speaker = 'ASSISTANT') as assistant_lines,
       count(t.id) filter (where t.speaker = 'CALLER') as caller_lines
from run_conversation c
left join conversation_turn t on t.conversation_id = c.id
group by c.id, c.conversation_key, c.business_id;

-- acknowledged bookings, by business and caller
create temporary table run_booked as
select k.business_id, k.from_number, count(*) as acknowledged
from run_answer a
join run_call k on k.call_sid = a.call_sid
where a.twiml like '%You''re booked for%' or a.twiml like '%Queda reservado%'
group by k.business_id, k.from_number;

create temporary table run_business as
select distinct business_id from run_call;

select 'figure' as kind, 'calls (call records)' as what, count(*) as n from run_call
union all select 'figure', 'call records completed with a duration',
    count(*) filter (where status = 'completed' and duration_seconds is not null and ended_at is not null)
    from run_call
union all select 'figure', 'stored answers (greetings and turns answered)', count(*) from run_answer
union all select 'figure', 'transcript lines, assistant', coalesce(sum(assistant_lines), 0) from run_transcript
union all select 'figure', 'transcript lines, caller', coalesce(sum(caller_lines), 0) from run_transcript
union all select 'figure', 'bookings acknowledged', coalesce(sum(acknowledged), 0) from run_booked
union all select 'figure', 'live appointments of the run''s businesses booked by voice', count(*)
    from appointment a
    where a.business_id in (select business_id from run_business)
      and a.source_channel = 'VOICE' and a.status in ('SCHEDULED', 'CONFIRMED')
union all
select 'problem', 'calls with more than one conversation', count(*)
    from (select call_sid from run_transcript group by call_sid having count(*) > 1) d
union all select 'problem', 'answered calls without a conversation', count(distinct a.call_sid)
    from run_answer a where not exists (select 1 from run_transcript t where t.call_sid = a.call_sid)
union all select 'problem', 'answered calls without a call record', count(distinct a.call_sid)
    from run_answer a where not exists (select 1 from run_call k where k.call_sid = a.call_sid)
union all select 'problem', 'calls whose answered turns are not numbered 0..n-1 (a turn missing)', count(*)
    from (select call_sid from run_answer group by call_sid having max(turn) + 1 <> count(*) or min(turn) <> 0) g
union all select 'problem', 'calls with fewer assistant lines than answers (a turn lost)', count(*)
    from run_transcript t
    where t.assistant_lines < (select count(*) from run_answer a where a.call_sid = t.call_sid)
union all select 'problem', 'calls with more assistant lines than answers (a turn twice)', count(*)
    from run_transcript t
    where t.assistant_lines > (select count(*) from run_answer a where a.call_sid = t.call_sid)
union all select 'problem', 'calls with more caller lines than turns answered', count(*)
    from run_transcript t
    where t.caller_lines > (select count(*) from run_answer a where a.call_sid = t.call_sid and a.turn > 0)
union all select 'problem', 'a caller line written twice in a row (same words, next line)', count(*)
    from conversation_turn t
    join run_conversation c on c.id = t.conversation_id
    join conversation_turn u on u.conversation_id = t.conversation_id and u.seq = t.seq + 1
    where t.speaker = 'CALLER' and u.speaker = 'CALLER' and u.text = t.text
union all select 'problem', 'call records not in a final state with a duration (status answered)', count(*)
    from run_call where status <> 'completed' or duration_seconds is null or ended_at is null
union all select 'problem', 'acknowledged bookings with no appointment (lost)', coalesce(sum(b.acknowledged - coalesce(x.n, 0)), 0)
    from run_booked b
    left join (select business_id, customer_phone, count(*) as n from appointment
               where source_channel = 'VOICE' and status in ('SCHEDULED', 'CONFIRMED')
               group by business_id, customer_phone) x
      on x.business_id = b.business_id and x.customer_phone = b.from_number
    where b.acknowledged > coalesce(x.n, 0)
union all select 'problem', 'appointments beyond the bookings acknowledged to their caller (duplicated)',
    coalesce(sum(x.n - coalesce(b.acknowledged, 0)), 0)
    from (select business_id, customer_phone, count(*) as n from appointment
          where business_id in (select business_id from run_business)
            and source_channel = 'VOICE' and status in ('SCHEDULED', 'CONFIRMED')
          group by business_id, customer_phone) x
    left join run_booked b on b.business_id = x.business_id and b.from_number = x.customer_phone
    where x.n > coalesce(b.acknowledged, 0)
union all select 'problem', 'overlapping live appointments of one staff member (double-booked slot)', count(*)
    from appointment a join appointment b
      on a.business_id = b.business_id and a.id < b.id
     and coalesce(a.staff_id, '') = coalesce(b.staff_id, '')
     and a.start_at < b.end_at and b.start_at < a.end_at
    where a.business_id in (select business_id from run_business)
      and a.status in ('SCHEDULED', 'CONFIRMED') and b.status in ('SCHEDULED', 'CONFIRMED')
order by 1, 2;
