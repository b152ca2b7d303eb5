select "page_facts"."page_id", "page_facts"."fact", "page_facts"."value", "page_facts"."source", "page_facts"."checked_at", "page_facts"."evidence", "users"."login" as "by"
  from "page_facts"
  left join "users" on "users"."id" = "page_facts"."checked_by"
  where "page_facts"."page_id" in (?, ?, ?) and "page_facts"."checked_at" >= ? and "page_facts"."checked_at" <= ?
  order by "page_facts"."checked_at", "page_facts"."id";
-- parameters: [1,2,3,1700000000,1710000000]
