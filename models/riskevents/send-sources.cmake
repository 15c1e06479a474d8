# Risk-event delivery: planner, rate budget, scheduler, durable run journal (and the clock).
target_sources(threatdesk_models PRIVATE
  common/Clock.cpp
  common/JsonWriter.cpp
  common/SystemClock.cpp
  riskevents/BatchPlanner.cpp
  riskevents/RateBudget.cpp
  riskevents/RateLimitStatus.cpp
  riskevents/RunJournal.cpp
  riskevents/SendRun.cpp
  riskevents/SendScheduler.cpp
)
