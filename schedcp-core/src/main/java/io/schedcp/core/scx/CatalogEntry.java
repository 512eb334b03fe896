package io.schedcp.core.scx;

import io.schedcp.api.SchedulerDescriptor;

/**
 * One catalog entry: the public descriptor plus what only the scx provider needs.
 *
 * @param descriptor the scheduler as users see it
 * @param binary     the executable's file name
 * @param origin     where the scheduler comes from (project and language)
 */
public record CatalogEntry(SchedulerDescriptor descriptor, String binary, String origin) {}
