/**
 * Use cases on schools: import DUO's school file, look schools up within the caller's scope, keep every school in the
 * region the register gives its municipality.
 */
package nl.instroom.needmapping.school.application;
