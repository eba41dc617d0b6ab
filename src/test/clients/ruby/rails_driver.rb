# Conformance driver for Rails' Active Record (ConnectionPool) with ruby-pg.
#
# Connects exactly as a Rails app given poolcalc's DATABASE_URL does: the URL's query parameters
# (pool, checkout_timeout, application_name) become the connection configuration. Then it runs
# CONFORMANCE_CHECKOUTS queries of SELECT pg_sleep(CONFORMANCE_HOLD_SECONDS) at once, one thread
# each, and prints one JSON line: {"acquired": n, "failed_after_ms": [...], "errors": [...]}.
# See the Java side in src/test/java/dev/poolcalc/conformance/Driver.java.
require "active_record"
require "json"

# What poolcalc renders for client: rails, verbatim: nothing but DATABASE_URL.
ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL"))

checkouts = Integer(ENV.fetch("CONFORMANCE_CHECKOUTS"))
hold = Integer(ENV.fetch("CONFORMANCE_HOLD_SECONDS"))
lock = Mutex.new
acquired = 0
failed_after_ms = []
errors = []
start = Process.clock_gettime(Process::CLOCK_MONOTONIC)

threads = Array.new(checkouts) do
  Thread.new do
    ActiveRecord::Base.connection_pool.with_connection do |c|
      lock.synchronize { acquired += 1 }
      c.execute("SELECT pg_sleep(#{hold})")
    end
  rescue StandardError => e # the pool's own timeout error is what we want to see
    lock.synchronize do
      failed_after_ms << ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - start) * 1000).round
      errors << "#{e.class.name}: #{e.message.lines.first.to_s.chomp}"
    end
  end
end
threads.each(&:join)
ActiveRecord::Base.connection_pool.disconnect!
puts JSON.generate({ "acquired" => acquired, "failed_after_ms" => failed_after_ms, "errors" => errors })
