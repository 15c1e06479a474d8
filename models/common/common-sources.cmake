# Sources of models/common that are not part of the send pipeline (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  common/BuildInfo.cpp
  common/Translations.cpp
)
set_source_files_properties(common/BuildInfo.cpp PROPERTIES
  COMPILE_DEFINITIONS THREATDESK_QTKEYCHAIN_VERSION="${Qt6Keychain_VERSION}")
