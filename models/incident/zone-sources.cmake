# Zone block/unblock/exempt/unexempt (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  incident/ZoneAction.cpp
  incident/ZoneGatewayChange.cpp
  incident/ZoneGatewayEditor.cpp
)
