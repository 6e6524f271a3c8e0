/** Use cases on schools: import DUO's school file, look schools up within the caller's scope. */
package nl.instroom.needmapping.school.application;
