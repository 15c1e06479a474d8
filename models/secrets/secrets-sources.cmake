# Sources of models/secrets (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  secrets/SecretKind.cpp
  secrets/SecretStore.cpp
  secrets/MemorySecretStore.cpp
  secrets/KeychainSecretStore.cpp
)
