# `zones block|unblock|exempt|unexempt` (target_sources(threatdesk_cli PRIVATE ...)).
target_sources(threatdesk_cli PRIVATE
  cli/ZonesChangeCommand.cpp
  cli/ZonesBlockCommand.cpp
  cli/ZonesUnblockCommand.cpp
  cli/ZonesExemptCommand.cpp
  cli/ZonesUnexemptCommand.cpp
)
