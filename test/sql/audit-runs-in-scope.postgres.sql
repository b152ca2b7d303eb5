select *
  from "audit_runs"
  where ("scope" = $1 or "scope" = $2)
  order by "id" desc
  limit $3
  offset $4;
-- parameters: ["all","region:77",20,0]

select count(*) as "n"
  from "audit_runs"
  where ("scope" = $1 or "scope" = $2);
-- parameters: ["all","region:77"]
