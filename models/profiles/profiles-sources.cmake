# Sources of models/profiles (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  profiles/OrgProfile.cpp
  profiles/ProfileStore.cpp
  profiles/ScopeSets.cpp
)
