#include "api/AuthProvider.h"

AuthProvider::~AuthProvider() = default;
