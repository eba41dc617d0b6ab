# Transaction-pooler driver for Active Record (see src/test/java/dev/poolcalc/conformance/Interleaving.java).
#
# Connects exactly as a Rails app given poolcalc's DATABASE_URL does, takes two connections A and B
# from the pool and runs the interleaving: A's SELECT $1::int CONFORMANCE_WARM_UP times as Active
# Record runs a query with binds (prepare: true, which becomes a named statement a1 unless
# prepared_statements is off), B begins a transaction, A once more, B commits. Prints one JSON line:
# {"succeeded": n, "errors": [...]}; an Active Record with advisory locks on adds an error too,
# since its migrations would take a session lock through the pooler.
require "active_record"
require "json"

ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL"))
warm_up = Integer(ENV.fetch("CONFORMANCE_WARM_UP"))
pool = ActiveRecord::Base.connection_pool
a = pool.checkout
b = pool.checkout
succeeded = 0
errors = []
errors << "A: advisory locks enabled" if a.advisory_locks_enabled?

query = lambda do |n|
  bind = ActiveRecord::Relation::QueryAttribute.new("n", n, ActiveRecord::Type::Integer.new)
  value = a.exec_query("SELECT $1::int AS n", "SQL", [bind], prepare: true).rows.first.first
  raise "got #{value} for #{n}" unless Integer(value) == n
  succeeded += 1
rescue StandardError => e
  errors << "A: #{e.message.lines.first.to_s.chomp}"
end

(1..warm_up).each { |n| query.call(n) }
begin
  b.begin_db_transaction
  b.execute("SELECT 1")
rescue StandardError => e
  errors << "B: #{e.message.lines.first.to_s.chomp}"
end
query.call(warm_up + 1)
begin
  b.commit_db_transaction
rescue StandardError => e
  errors << "B: #{e.message.lines.first.to_s.chomp}"
end
pool.checkin(a)
pool.checkin(b)
pool.disconnect!
puts JSON.generate({ "succeeded" => succeeded, "errors" => errors })
